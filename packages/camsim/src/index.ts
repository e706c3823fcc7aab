export { startCamsim, type Camsim, type StartCamsimExtras } from './camsim.ts';
export type { CameraState, StreamInfo, StreamKind } from './camera.ts';
export { faultKinds, faultSchema, parseFault } from './faults.ts';
export type { Fault, FaultInput, FaultKind } from './faults.ts';
export { camsimOptionsSchema } from './options.ts';
export type { CameraConfig, CamsimEvent, CamsimOptions } from './options.ts';
export type { Credentials } from './rtsp/auth.ts';
export {
  CLOCK_CODE_BITS,
  clockCodeBits,
  clockCodeLayout,
  decodeClockCode,
  type ClockCodeLayout,
  type RgbFrame,
} from './clock/clock-code.ts';
