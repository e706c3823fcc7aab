/**
 * N live viewers of one camera as plain WebSocket clients (no decoding), for the CPU cost of
 * fan-out. Prints `ready` once every viewer has its init segment and `bytes <n>` on SIGTERM.
 */
import WebSocket from 'ws';

const [base = '', cameraId = '', cookie = '', countText = '1'] = process.argv.slice(2);
let bytes = 0;
let started = 0;
const sockets = Array.from({ length: Number(countText) }, () => {
  const socket = new WebSocket(
    `${base.replace('http', 'ws')}/api/cameras/${cameraId}/live?stream=main`,
    {
      headers: { cookie: `gw_session=${cookie}` },
    },
  );
  let first = true;
  socket.on('message', (data: Buffer, binary) => {
    bytes += data.length;
    if (binary && first) {
      first = false;
      started += 1;
      if (started === sockets.length) process.stdout.write('ready\n');
    }
  });
  return socket;
});
process.on('SIGTERM', () => {
  process.stdout.write(`bytes ${bytes}\n`);
  for (const socket of sockets) socket.close();
  setTimeout(() => process.exit(0), 200);
});
