/** A demo camera: where it hangs (kindergarten and area by name) and the clip it shows. */
export interface DemoCamera {
  /** Camera id in the simulator, also the path of its RTSP URLs. */
  simId: string;
  kindergarten: string;
  area: string;
  name: string;
  /** A clip of packages/camsim/media (see its LICENSES.md). */
  clip: string;
}

const hongli = '深圳市福田区红荔幼儿园';
const xiangmihu = '深圳市福田区香蜜湖普惠幼儿园';

/**
 * A handful of cameras: the principal's kindergarten gets one per kind of place a visitor
 * expects (gate, entrance hall, corridor, classroom) and a second at the gate, so that an area
 * can be played back in sync; the second kindergarten gets its gate.
 */
export const demoCameras: DemoCamera[] = [
  {
    simId: 'hongli-gate',
    kindergarten: hongli,
    area: '正门',
    name: '正门枪机',
    clip: 'intel_face_demographics_walking_loop2.mp4',
  },
  {
    simId: 'hongli-gate-dome',
    kindergarten: hongli,
    area: '正门',
    name: '正门内侧半球',
    clip: 'intel_one_by_one_person_0-30s.mp4',
  },
  {
    simId: 'hongli-hall',
    kindergarten: hongli,
    area: '门厅',
    name: '门厅半球',
    clip: 'assist_fall_vertical_faint.mp4',
  },
  {
    simId: 'hongli-corridor',
    kindergarten: hongli,
    area: '1层走廊',
    name: '1层走廊半球',
    clip: 'intel_one_by_one_person_0-30s.mp4',
  },
  {
    simId: 'hongli-classroom',
    kindergarten: hongli,
    area: '小一班活动室',
    name: '小一班活动室半球',
    clip: 'intel_classroom_loop2.mp4',
  },
  {
    simId: 'xiangmihu-gate',
    kindergarten: xiangmihu,
    area: '正门',
    name: '正门枪机',
    clip: 'intel_face_demographics_walking_loop2.mp4',
  },
];

/** The simulator's login for every demo camera; sealed in the registry like any other. */
export const demoCameraCredentials = { username: 'admin', password: 'gardenwatch-demo-cam' };
