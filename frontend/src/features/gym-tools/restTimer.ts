// The rest timer's arithmetic. It counts down to an instant rather than ticking down a number,
// so a phone that sleeps or throttles timers still shows the right time when it wakes.

/** Whole seconds left until `endsAt` (epoch milliseconds), never below zero. */
export function remainingSeconds(endsAt: number | null, now: number): number {
  if (endsAt === null) {
    return 0;
  }

  return Math.max(0, Math.ceil((endsAt - now) / 1000));
}

/** The end of a rest moved by `seconds`, never before now. */
export function extendRest(endsAt: number, seconds: number, now: number): number {
  return Math.max(now, endsAt + seconds * 1000);
}

export const DEFAULT_REST_SECONDS = 90;
