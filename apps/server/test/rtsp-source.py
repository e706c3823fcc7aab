#!/usr/bin/python3
"""A test RTSP camera: GStreamer's RTSP server with a live H.264 test pattern, or a looping file.

Usage: rtsp-source.py --port 8554 [--path /main | --mounts N] [--user u --password p]
                      [--width 320 --height 240 --fps 10 --gop 10 --bitrate 300]
                      [--file clip.h264]   # Annex-B H.264 with AUDs, served looping with no re-encode
Prints "ready <port>" on stdout once listening. Serves RTP over TCP and UDP.
"""
import argparse
import signal
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402


def pipeline(args):
    pay = "rtph264pay name=pay0 pt=96 config-interval=1"
    if args.file:
        # Frames of a pre-encoded file are pushed with timestamps (see FileFeeder): no encoding.
        return (
            "( appsrc name=feed is-live=true format=time "
            f"caps=video/x-h264,stream-format=byte-stream,alignment=au,framerate={args.fps}/1 "
            f"! h264parse ! clocksync ! {pay} )"
        )
    return (
        f"( videotestsrc is-live=true pattern=ball "
        f"! video/x-raw,width={args.width},height={args.height},framerate={args.fps}/1 "
        f"! openh264enc bitrate={args.bitrate * 1000} gop-size={args.gop} complexity=low "
        f"! h264parse ! {pay} )"
    )


class FileFeeder:
    """Loops the access units of an Annex-B H.264 file (one per AUD NAL) at the frame rate."""

    def __init__(self, path, fps):
        data = open(path, "rb").read()
        marker = b"\x00\x00\x00\x01\x09"
        starts = []
        i = data.find(marker)
        while i != -1:
            starts.append(i)
            i = data.find(marker, i + 1)
        if not starts:
            sys.exit(f"{path} has no access unit delimiters (encode with -x264-params aud=1)")
        self.frames = [data[a:b] for a, b in zip(starts, starts[1:] + [len(data)])]
        self.duration = Gst.SECOND // fps

    def attach(self, media):
        appsrc = media.get_element().get_by_name("feed")
        state = {"n": 0}

        def need_data(src, _length):
            n = state["n"]
            buf = Gst.Buffer.new_wrapped(self.frames[n % len(self.frames)])
            buf.pts = buf.dts = n * self.duration
            buf.duration = self.duration
            state["n"] = n + 1
            src.emit("push-buffer", buf)

        appsrc.connect("need-data", need_data)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", default="/main")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--width", type=int, default=320)
    parser.add_argument("--height", type=int, default=240)
    parser.add_argument("--fps", type=int, default=10)
    parser.add_argument("--gop", type=int, default=10)
    parser.add_argument("--bitrate", type=int, default=300, help="kbit/s")
    parser.add_argument("--file")
    parser.add_argument("--mounts", type=int, default=0, help="serve /cam0../camN-1 instead")
    args = parser.parse_args()

    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_service(str(args.port))
    paths = [f"/cam{i}" for i in range(args.mounts)] if args.mounts else [args.path]
    for mount in paths:
        server.get_mount_points().add_factory(mount, make_factory(args, server))
    if server.attach(None) == 0:
        sys.exit(f"cannot listen on port {args.port}")

    loop = GLib.MainLoop()
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, loop.quit)
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGINT, loop.quit)
    print(f"ready {args.port}", flush=True)
    loop.run()


def make_factory(args, server):
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(pipeline(args))
    factory.set_shared(True)
    if args.file:
        feeder = FileFeeder(args.file, args.fps)
        factory.connect("media-configure", lambda _f, media: feeder.attach(media))

    if args.user:
        auth = GstRtspServer.RTSPAuth()
        token = GstRtspServer.RTSPToken()
        token.set_string(GstRtspServer.RTSP_TOKEN_MEDIA_FACTORY_ROLE, "user")
        auth.add_basic(GstRtspServer.RTSPAuth.make_basic(args.user, args.password), token)
        server.set_auth(auth)
        permissions = GstRtspServer.RTSPPermissions()
        permissions.add_role_from_structure(
            Gst.Structure.new_from_string(
                "user, media.factory.access=(boolean)true, media.factory.construct=(boolean)true"
            )
        )
        factory.set_permissions(permissions)

    return factory


if __name__ == "__main__":
    main()
