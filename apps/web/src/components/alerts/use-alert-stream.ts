import { alertLiveMessageSchema, type AlertLiveMessage } from '@gardenwatch/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { alertKeys } from './alert-queries.ts';

const RECONNECT_MS = 3000;

/** Two short tones, louder and lower for severe alerts; no sound file to load. */
export function playAlertSound(severe: boolean): void {
  const context = new AudioContext();
  const tones = severe ? [660, 440, 660, 440] : [880, 660];
  tones.forEach((frequency, i) => {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.value = severe ? 0.3 : 0.15;
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(context.currentTime + i * 0.22);
    oscillator.stop(context.currentTime + i * 0.22 + 0.18);
  });
  setTimeout(() => void context.close(), tones.length * 250 + 200);
}

/**
 * Listens to `/api/alerts/live` while signed in: every message refreshes the alert queries,
 * and a raised alert sounds. Reconnects after a dropped connection.
 */
export function useAlertStream(enabled: boolean): AlertLiveMessage | null {
  const client = useQueryClient();
  const [last, setLast] = useState<AlertLiveMessage | null>(null);

  useEffect(() => {
    if (!enabled) return;
    let socket: WebSocket | undefined;
    let retry: number | undefined;
    let closed = false;
    const connect = () => {
      const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
      socket = new WebSocket(`${scheme}://${location.host}/api/alerts/live`);
      socket.onmessage = (event) => {
        const parsed = alertLiveMessageSchema.safeParse(JSON.parse(String(event.data)));
        if (!parsed.success) return;
        setLast(parsed.data);
        void client.invalidateQueries({ queryKey: alertKeys.all });
        if (parsed.data.type === 'raised') playAlertSound(parsed.data.alert.severity === 'severe');
      };
      socket.onclose = () => {
        if (!closed) retry = window.setTimeout(connect, RECONNECT_MS);
      };
    };
    connect();
    return () => {
      closed = true;
      window.clearTimeout(retry);
      socket?.close();
    };
  }, [enabled, client]);

  return last;
}
