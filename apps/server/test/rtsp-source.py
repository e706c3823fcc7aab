#!/usr/bin/python3
"""A test RTSP camera: GStreamer's RTSP server with a live H.264 test pattern, or a looping file.

Usage: rtsp-source.py --port 8554 [--path /main] [--user u --password p]
                      [--width 320 --height 240 --fps 10 --gop 10 --bitrate 300]
                      [--file clip.h264]   # an Annex-B H.264 file, served looping with no re-encode
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
        # multifilesrc re-reads the file at EOF; h264parse gives each frame a timestamp from
        # the frame rate in the caps and clocksync paces them in real time.
        return (
            f"( multifilesrc location={args.file} loop=true "
            f"caps=video/x-h264,stream-format=byte-stream,framerate={args.fps}/1 "
            f"! h264parse ! clocksync ! {pay} )"
        )
    return (
        f"( videotestsrc is-live=true pattern=ball "
        f"! video/x-raw,width={args.width},height={args.height},framerate={args.fps}/1 "
        f"! openh264enc bitrate={args.bitrate * 1000} gop-size={args.gop} complexity=low "
        f"! h264parse ! {pay} )"
    )


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
    args = parser.parse_args()

    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_service(str(args.port))
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(pipeline(args))
    factory.set_shared(True)

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

    server.get_mount_points().add_factory(args.path, factory)
    if server.attach(None) == 0:
        sys.exit(f"cannot listen on port {args.port}")

    loop = GLib.MainLoop()
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, loop.quit)
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGINT, loop.quit)
    print(f"ready {args.port}", flush=True)
    loop.run()


if __name__ == "__main__":
    main()
