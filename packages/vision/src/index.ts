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
export {
  DEFAULT_MATCH_THRESHOLD,
  FaceGallery,
  cosineSimilarity,
  embeddingSchema,
  type FaceMatch,
  type GalleryEntry,
} from './face-gallery.ts';
export {
  DEFAULT_ENROLMENT_OPTIONS,
  enrolFromPhotos,
  type EnrolmentOptions,
  type FaceDetector,
} from './face-enrolment.ts';
export {
  MIN_ADULT_CONFIDENCE,
  describeAdultFaces,
  maskRegions,
  type AdultFace,
} from './adult-faces.ts';
export {
  RULE_NAMES,
  type Rule,
  type RuleContext,
  type RuleHit,
  type RuleName,
  type SceneFrame,
  type ScenePerson,
  type Severity,
  type Zone,
  type ZoneKind,
} from './behaviour/scene.ts';
export {
  FIGHT,
  LIFT,
  PUSH,
  STRIKE,
  fighting,
  pushOrDrag,
  roughLifting,
  striking,
} from './behaviour/contact-rules.ts';
export { FALL, childFall, type FallOptions } from './behaviour/fall-rule.ts';
export {
  ALONE,
  INTRUSION,
  LOITER,
  childAlone,
  gateLoitering,
  pointInPolygon,
  zoneIntrusion,
} from './behaviour/presence-rules.ts';
export {
  BehaviourMonitor,
  DEFAULT_MONITOR_OPTIONS,
  allRules,
  type MonitorOptions,
} from './behaviour/behaviour-monitor.ts';
export {
  runSequence,
  scoreRules,
  type EvaluatedSequence,
  type RuleScore,
  type SequenceOutcome,
} from './evaluation/harness.ts';
export {
  behaviourSequences,
  lookAlikeSequences,
  type LabelledSequence,
} from './evaluation/sequences.ts';
export {
  CameraPipeline,
  type CameraPipelineOptions,
  type FrameOutcome,
  type PeopleDetector,
} from './camera-pipeline.ts';
