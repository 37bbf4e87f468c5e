'use client';

import { useId, useState } from 'react';

import { formatNumber, parseDecimal } from '@/features/workouts/numbers';
import type { WeightUnit } from '@/features/workouts/types';
import { computePlates, DEFAULT_SETUPS, type PlateSetup } from './plates';
import { useGymSettings } from './useGymSettings';

type PlateCalculatorProps = { unit: WeightUnit; initialWeight?: string };

/** Which plates go on each side of the bar for a weight, from the bar and plates the user owns. */
export function PlateCalculator({ unit, initialWeight = '' }: PlateCalculatorProps) {
  const { settings, update } = useGymSettings();
  const setup = settings.plates[unit];
  const [weight, setWeight] = useState(initialWeight);
  const [isEditing, setIsEditing] = useState(false);
  const id = useId();
  const target = parseDecimal(weight);
  const load = target !== null && Number.isFinite(target) ? computePlates(target, setup) : null;

  function saveSetup(next: PlateSetup) {
    update({ plates: { ...settings.plates, [unit]: next } });
  }

  return (
    <section className="card plate-calculator" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Plate calculator</h2>
      <div className="field">
        <label htmlFor={`${id}-weight`}>Target weight ({unit})</label>
        <input
          id={`${id}-weight`}
          inputMode="decimal"
          autoComplete="off"
          placeholder={unit === 'kg' ? 'e.g. 102,5' : 'e.g. 225'}
          value={weight}
          onChange={(event) => setWeight(event.target.value)}
        />
      </div>
      <p className="muted">
        Bar {formatNumber(setup.barWeight)} {unit}
      </p>
      <output htmlFor={`${id}-weight`} className="plate-result" aria-live="polite">
        {load && <PlateLoadText load={load} unit={unit} />}
      </output>

      <details open={isEditing} onToggle={(event) => setIsEditing(event.currentTarget.open)}>
        <summary>Bar and plates you have</summary>
        <PlateSetupForm setup={setup} unit={unit} onChange={saveSetup} />
      </details>
    </section>
  );
}

function PlateLoadText({
  load,
  unit,
}: {
  load: ReturnType<typeof computePlates>;
  unit: WeightUnit;
}) {
  if (load.isBelowBar) {
    return <span>That is less than the bar alone.</span>;
  }
  const plates =
    load.perSide.length === 0
      ? 'nothing'
      : load.perSide
          .map((plate) =>
            plate.count > 1
              ? `${plate.count} × ${formatNumber(plate.weight)}`
              : formatNumber(plate.weight),
          )
          .join(' + ');

  return (
    <span>
      <strong>Each side: {plates}</strong>
      {load.shortBy > 0 && (
        <>
          {' '}
          (makes {formatNumber(load.total)} {unit}, {formatNumber(load.shortBy)} {unit} short)
        </>
      )}
    </span>
  );
}

function PlateSetupForm({
  setup,
  unit,
  onChange,
}: {
  setup: PlateSetup;
  unit: WeightUnit;
  onChange: (setup: PlateSetup) => void;
}) {
  const id = useId();
  const sizes = [
    ...new Set([...DEFAULT_SETUPS[unit].stock, ...setup.stock].map((plate) => plate.weight)),
  ].sort((a, b) => b - a);
  const pairsOf = (weight: number) =>
    setup.stock.find((plate) => plate.weight === weight)?.pairs ?? 0;

  function setPairs(weight: number, text: string) {
    const pairs = Math.max(0, Math.min(20, Number.parseInt(text, 10) || 0));
    const others = setup.stock.filter((plate) => plate.weight !== weight);
    onChange({
      ...setup,
      stock: [...others, { weight, pairs }].sort((a, b) => b.weight - a.weight),
    });
  }

  return (
    <div className="plate-setup">
      <div className="field">
        <label htmlFor={`${id}-bar`}>Bar weight ({unit})</label>
        <input
          id={`${id}-bar`}
          inputMode="decimal"
          defaultValue={formatNumber(setup.barWeight)}
          onBlur={(event) => {
            const bar = parseDecimal(event.target.value);
            if (bar !== null && Number.isFinite(bar) && bar >= 0) {
              onChange({ ...setup, barWeight: bar });
            }
          }}
        />
      </div>
      <p className="muted">Pairs of each plate (0 if you have none):</p>
      <div className="plate-grid">
        {sizes.map((weight) => (
          <div className="field" key={weight}>
            <label htmlFor={`${id}-${weight}`}>
              {formatNumber(weight)} {unit}
            </label>
            <input
              id={`${id}-${weight}`}
              inputMode="numeric"
              value={String(pairsOf(weight))}
              onChange={(event) => setPairs(weight, event.target.value)}
            />
          </div>
        ))}
      </div>
    </div>
  );
}
