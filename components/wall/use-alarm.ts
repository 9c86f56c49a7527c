"use client";

import { useEffect, useRef } from "react";

/** A short two-tone beep with the Web Audio API: no sound file to ship or load. */
function beep(ctx: AudioContext): void {
  const t = ctx.currentTime;
  for (const [i, freq] of [880, 660].entries()) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, t + i * 0.25);
    gain.gain.exponentialRampToValueAtTime(0.3, t + i * 0.25 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + i * 0.25 + 0.22);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t + i * 0.25);
    osc.stop(t + i * 0.25 + 0.25);
  }
}

const REPEAT_MS = 5_000;

/**
 * Beeps every few seconds while `active` (a new DOWN nobody acknowledged), when sound is on.
 * Browsers only allow audio after a user gesture: the acknowledging click also unlocks it
 * (kiosk Chromium can be started with --autoplay-policy=no-user-gesture-required).
 */
export function useAlarm(enabled: boolean, active: boolean): { unlock(): void } {
  const ctxRef = useRef<AudioContext | null>(null);
  useEffect(() => {
    if (!enabled || !active) return;
    ctxRef.current ??= new AudioContext();
    const ctx = ctxRef.current;
    const ring = () => {
      if (ctx.state === "suspended") void ctx.resume().catch(() => {});
      beep(ctx);
    };
    ring();
    const timer = setInterval(ring, REPEAT_MS);
    return () => clearInterval(timer);
  }, [enabled, active]);
  useEffect(() => () => void ctxRef.current?.close().catch(() => {}), []);
  return {
    unlock() {
      if (!enabled) return;
      ctxRef.current ??= new AudioContext();
      void ctxRef.current.resume().catch(() => {});
    },
  };
}
