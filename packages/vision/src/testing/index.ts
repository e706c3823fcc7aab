export {
  MEDIA_MISSING_REASON,
  decodeClip,
  decodeImage,
  sharedMediaDir,
  syntheticFrame,
} from './media.ts';
export {
  STANDING,
  buildPose,
  standingHipHeight,
  standingPose,
  type Limb,
  type PoseSpec,
} from './skeleton.ts';
