export { VisionError, type Result, type VisionErrorCode } from './errors.ts';
export { frameSchema, parseFrame, MAX_FRAME_SIDE, type Frame } from './frame.ts';
export {
  DEFAULT_MOTION_OPTIONS,
  MotionGate,
  grayThumb,
  type GrayThumb,
  type MotionOptions,
  type MotionResult,
} from './motion.ts';
export { MODEL_NAMES, checkModelFiles, defaultModelDir, defaultWasmDir } from './model-files.ts';
export { HumanEngine, type EngineOptions } from './human-engine.ts';
export { InferencePool, type PoolOptions } from './inference-pool.ts';
export {
  KEYPOINT_NAMES,
  type Box,
  type FaceDetection,
  type Keypoint,
  type KeypointName,
  type PersonDetection,
  type Pose,
} from './types.ts';
export {
  MIN_KEYPOINT_SCORE,
  centre,
  iou,
  keypoint,
  midpoint,
  poseBox,
  type Point,
} from './geometry.ts';
export {
  DEFAULT_TRACKER_OPTIONS,
  PersonTracker,
  latest,
  type Track,
  type TrackSample,
  type TrackerOptions,
} from './tracker.ts';
export {
  HEIGHT_THRESHOLDS,
  PROPORTION_CUES,
  combineEstimates,
  estimateFromHeight,
  estimateFromProportions,
  type AgeClass,
  type AgeEstimate,
} from './stature.ts';
export { apparentHeight, type CameraGeometry } from './camera-height.ts';
export { PeopleAnalyser, type TrackedPerson } from './people-analyser.ts';
