export {
  MEDIA_MISSING_REASON,
  decodeClip,
  decodeImage,
  sharedMediaDir,
  syntheticFrame,
} from './media.ts';
