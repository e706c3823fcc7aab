// The `onvif` package ships no types; this declares the part the tests use.
declare module 'onvif' {
  export interface CamOptions {
    hostname: string;
    port: number;
    path: string;
    username: string;
    password: string;
    timeout?: number;
    autoconnect?: boolean;
  }
  export interface OnvifProfile {
    $: { token: string };
    name: string;
    videoEncoderConfiguration?: {
      encoding: string;
      resolution: { width: number; height: number };
    };
  }
  type Callback<T> = (error: Error | null, result: T) => void;
  export class Cam {
    constructor(options: CamOptions, callback?: Callback<unknown>);
    connect(callback: Callback<unknown>): void;
    getDeviceInformation(callback: Callback<Record<string, string>>): void;
    getProfiles(callback: Callback<OnvifProfile[]>): void;
    getStreamUri(
      options: { protocol: string; profileToken: string },
      callback: Callback<{ uri: string }>,
    ): void;
    activeSource?: { profileToken: string; width: number; height: number; encoding: string };
  }
}
