export { Gb28181Error, type Gb28181ErrorCode, type Result } from './errors.ts';

export {
  buildDeviceId,
  DEVICE_TYPE,
  INDUSTRY_EDUCATION,
  isCameraId,
  isDeviceId,
  parseDeviceId,
  type DeviceIdParts,
} from './device-id.ts';

export {
  buildGbSdpAnswer,
  offersPs,
  parseGbSdp,
  ssrcNumber,
  type GbSdpAnswerOptions,
  type GbSdpOffer,
  type MediaTransport,
  type SessionName,
  type TcpSetup,
} from './sdp.ts';

export { SipHeaders } from './sip/sip-headers.ts';
export {
  DEFAULT_SIP_LIMITS,
  type SipLimits,
  type SipMessage,
  type SipRequest,
  type SipResponse,
} from './sip/sip-message.ts';
export { parseSipDatagram } from './sip/sip-parser.ts';
export { serializeSipMessage } from './sip/sip-serializer.ts';
export { SipStreamFramer, type FramerOutput } from './sip/sip-stream-framer.ts';
export {
  formatNameAddr,
  newBranch,
  newCallId,
  newTag,
  parseCSeq,
  parseNameAddr,
  parseSipUri,
  parseVia,
} from './sip/sip-header-values.ts';
export { createResponse, type ResponseOptions } from './sip/sip-response.ts';
export {
  buildAuthorization,
  computeDigestResponse,
  DigestServer,
  parseChallenge,
  type DigestChallenge,
  type DigestVerdict,
} from './sip/digest.ts';
export { DEFAULT_SIP_TIMERS, type SipTimers } from './sip/sip-timers.ts';
export { type Peer, type TransportKind } from './sip/sip-transport.ts';
export {
  SipStack,
  type IncomingRequest,
  type SipStackEvent,
  type SipStackOptions,
} from './sip/sip-stack.ts';
export {
  createInDialogRequest,
  createUacDialog,
  createUasDialog,
  dialogIdOfRequest,
  nextHop,
  type SipDialog,
} from './sip/sip-dialog.ts';

export {
  MANSCDP_CONTENT_TYPE,
  manscdpQuerySchema,
  parseManscdp,
  parseQuery,
  toQuery,
  type ManscdpDocument,
  type ManscdpQuery,
} from './manscdp/manscdp-message.ts';
export {
  buildCatalogNotifies,
  buildCatalogResponses,
  type CatalogItem,
  type SplitOptions,
} from './manscdp/catalog.ts';
export {
  buildDeviceInfoResponse,
  buildDeviceStatusResponse,
  buildRecordInfoResponses,
  type DeviceInfo,
  type DeviceStatus,
  type RecordItem,
} from './manscdp/responses.ts';
export {
  buildAlarmNotify,
  buildKeepalive,
  buildMediaStatusNotify,
  type Alarm,
} from './manscdp/notifies.ts';
export { decodeXmlBody, type BodyEncoding } from './manscdp/xml-codec.ts';

export { splitAccessUnits, type AccessUnit, type VideoCodec } from './media/annexb.ts';
export { PsMuxer, STREAM_TYPE, type PsFrame, type PsMuxerOptions } from './media/ps-muxer.ts';
export { demuxPs, type DemuxedFrame, type DemuxedStream } from './media/ps-demuxer.ts';
export {
  frameRfc4571,
  parseRtp,
  Rfc4571Deframer,
  RtpPacketizer,
  RtpReassembler,
  type ReassembledFrame,
  type RtpPacket,
} from './media/rtp.ts';
export {
  createRtpSender,
  type RtpSender,
  type RtpSenderOptions,
  type RtpTransportMode,
} from './media/rtp-sender.ts';

export {
  openGbMediaStream,
  type GbMediaStream,
  type GbMediaStreamOptions,
} from './media/gb-media-stream.ts';

export {
  LowerPlatformUa,
  type InviteDecision,
  type InviteRequest,
  type LowerPlatformUaOptions,
  type UaEvent,
  type UaHandlers,
  type UpperPlatform,
} from './ua/lower-platform-ua.ts';
export type { RegistrationState } from './ua/registration.ts';
