// The plate calculator: which plates to load on each side of the bar for a target weight, from
// the plates the user owns. Pure, tested in plates.test.ts.
import type { WeightUnit } from '@/features/workouts/types';

export type PlateStock = Array<{ weight: number; pairs: number }>;

export type PlateSetup = { barWeight: number; stock: PlateStock };

export type PlateLoad = {
  /** Plates on one side, heaviest first. */
  perSide: Array<{ weight: number; count: number }>;
  /** What the bar weighs loaded so. */
  total: number;
  /** What is missing to the target: 0 when it is reached exactly. */
  shortBy: number;
  isBelowBar: boolean;
};

export const DEFAULT_SETUPS: Record<WeightUnit, PlateSetup> = {
  kg: {
    barWeight: 20,
    stock: [
      { weight: 25, pairs: 4 },
      { weight: 20, pairs: 4 },
      { weight: 15, pairs: 2 },
      { weight: 10, pairs: 2 },
      { weight: 5, pairs: 2 },
      { weight: 2.5, pairs: 2 },
      { weight: 1.25, pairs: 2 },
    ],
  },
  lb: {
    barWeight: 45,
    stock: [
      { weight: 45, pairs: 6 },
      { weight: 35, pairs: 2 },
      { weight: 25, pairs: 2 },
      { weight: 10, pairs: 2 },
      { weight: 5, pairs: 2 },
      { weight: 2.5, pairs: 2 },
    ],
  },
};

// Plates are summed in hundredths, so 1.25 + 2.5 never meets a rounding error.
const toHundredths = (value: number) => Math.round(value * 100);

/**
 * Loads the bar as close to `target` as the stock allows without going over. Among the loads that
 * come that close it takes the one with the most of the heaviest plate, then of the next, as one
 * loads by hand; but unlike a greedy heaviest-first choice it never misses an exact load that
 * exists (with one pair of 15s and two pairs of 10s, 60 kg on a 20 kg bar is 10+10 a side).
 */
export function computePlates(target: number, { barWeight, stock }: PlateSetup): PlateLoad {
  const bar = toHundredths(barWeight);
  const wanted = toHundredths(target);
  if (wanted < bar) {
    return { perSide: [], total: barWeight, shortBy: 0, isBelowBar: true };
  }

  const plates = mergeStock(stock);
  const side = closestReachable(Math.floor((wanted - bar) / 2), plates);
  const counts = heaviestFirst(plates, 0, side, new Set()) ?? [];

  return {
    perSide: plates
      .map((plate, index) => ({ weight: plate.size / 100, count: counts[index] ?? 0 }))
      .filter((plate) => plate.count > 0),
    total: (bar + 2 * side) / 100,
    shortBy: (wanted - bar - 2 * side) / 100,
    isBelowBar: false,
  };
}

type Plate = { size: number; pairs: number };

/** One entry per plate size, heaviest first, in hundredths. */
function mergeStock(stock: PlateStock): Plate[] {
  const pairs = new Map<number, number>();
  for (const plate of stock) {
    if (plate.weight > 0 && plate.pairs > 0) {
      const size = toHundredths(plate.weight);
      pairs.set(size, (pairs.get(size) ?? 0) + plate.pairs);
    }
  }

  return [...pairs].sort(([a], [b]) => b - a).map(([size, count]) => ({ size, pairs: count }));
}

/** The largest one-side sum up to `limit` that the plates can make. */
function closestReachable(limit: number, plates: Plate[]): number {
  const reachable = new Array<boolean>(limit + 1).fill(false);
  reachable[0] = true;
  for (const plate of plates) {
    for (let copy = 0; copy < plate.pairs; copy += 1) {
      for (let sum = limit; sum >= plate.size; sum -= 1) {
        reachable[sum] ||= reachable[sum - plate.size] as boolean;
      }
    }
  }

  let sum = limit;
  while (!reachable[sum]) {
    sum -= 1;
  }

  return sum;
}

/** How many of each plate (from `index` on) make `remaining`, most of the heaviest first. */
function heaviestFirst(
  plates: Plate[],
  index: number,
  remaining: number,
  deadEnds: Set<string>,
): number[] | null {
  if (remaining === 0) {
    return [];
  }
  const plate = plates[index];
  const key = `${index}:${remaining}`;
  if (!plate || deadEnds.has(key)) {
    return null;
  }

  for (
    let count = Math.min(plate.pairs, Math.floor(remaining / plate.size));
    count >= 0;
    count -= 1
  ) {
    const rest = heaviestFirst(plates, index + 1, remaining - count * plate.size, deadEnds);
    if (rest) {
      return [count, ...rest];
    }
  }
  deadEnds.add(key);

  return null;
}
