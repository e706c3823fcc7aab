// One file per feature, so that features add their strings without touching the others.
import core from './en/core.json';
import org from './en/org.json';
import admin from './en/admin.json';
import gateway from './en/gateway.json';
import staff from './en/staff.json';
import video from './en/video.json';
import coverage from './en/coverage.json';
import notices from './en/notices.json';
import alerts from './en/alerts.json';
import gallery from './en/gallery.json';
import health from './en/health.json';
import requests from './en/requests.json';
import zones from './en/zones.json';
import policeCases from './en/police-cases.json';

export const en = {
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
