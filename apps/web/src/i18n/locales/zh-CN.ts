import core from './zh-CN/core.json';
import org from './zh-CN/org.json';
import admin from './zh-CN/admin.json';
import gateway from './zh-CN/gateway.json';
import staff from './zh-CN/staff.json';
import video from './zh-CN/video.json';
import coverage from './zh-CN/coverage.json';
import notices from './zh-CN/notices.json';
import alerts from './zh-CN/alerts.json';
import gallery from './zh-CN/gallery.json';
import health from './zh-CN/health.json';
import requests from './zh-CN/requests.json';
import zones from './zh-CN/zones.json';
import policeCases from './zh-CN/police-cases.json';

export const zhCN = {
  ...core,
  ...org,
  ...admin,
  ...gateway,
  ...staff,
  ...video,
  ...coverage,
  ...notices,
  ...alerts,
  ...gallery,
  ...health,
  ...requests,
  ...zones,
  ...policeCases,
};
