/** Test helpers for code that drives this package against real peers (sipp, ffmpeg, ffprobe). */
export { freePort, runSipp, SCENARIOS, type SippRun } from './ua/test-sipp.ts';
export { encodeTestClip, probe, type ProbeResult } from './media/test-media.ts';
export {
  buildOffer,
  UpperPlatformSim,
  type MediaOffer,
  type SimCall,
  type UpperPlatformSimOptions,
} from './ua/test-upper-platform.ts';
