/** Pixel box in frame coordinates: left, top, width, height. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The 17 COCO body keypoints in MoveNet's output order. */
export const KEYPOINT_NAMES = [
  'nose',
  'leftEye',
  'rightEye',
  'leftEar',
  'rightEar',
  'leftShoulder',
  'rightShoulder',
  'leftElbow',
  'rightElbow',
  'leftWrist',
  'rightWrist',
  'leftHip',
  'rightHip',
  'leftKnee',
  'rightKnee',
  'leftAnkle',
  'rightAnkle',
] as const;

export type KeypointName = (typeof KEYPOINT_NAMES)[number];

/** Keypoint in frame pixels with the model's confidence (0-1). */
export interface Keypoint {
  x: number;
  y: number;
  score: number;
}

/** Keypoints indexed as in KEYPOINT_NAMES. */
export type Pose = Keypoint[];

export interface PersonDetection {
  box: Box;
  score: number;
  pose: Pose;
}

export interface FaceDetection {
  box: Box;
  score: number;
  /** Unit-length descriptor; present only when description was asked for. */
  embedding?: number[];
}
