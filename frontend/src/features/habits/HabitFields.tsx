'use client';

import { useId } from 'react';

import { TextField } from '@/components/TextField';
import type { HabitDraft } from './habitDraft';
import { WEEKDAY_NAMES } from './types';

type HabitFieldsProps = {
  draft: HabitDraft;
  onChange: (draft: HabitDraft) => void;
  /** The kind of a saved habit cannot change: its days were recorded as one or the other. */
  canChangeKind: boolean;
  invalidFields: Set<string>;
};

/** Every setting of a habit except its name: kind and target, schedule, look, reminder. */
export function HabitFields({ draft, onChange, canChangeKind, invalidFields }: HabitFieldsProps) {
  const id = useId();
  const set = <K extends keyof HabitDraft>(key: K, value: HabitDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const isInvalid = (field: string) => invalidFields.has(field) || undefined;
  const isPeriod = draft.scheduleType === 'weekly' || draft.scheduleType === 'monthly';

  function toggleDay(day: number) {
    set(
      'days',
      draft.days.includes(day) ? draft.days.filter((d) => d !== day) : [...draft.days, day],
    );
  }

  return (
    <div className="habit-fields">
      <TextField
        label="Description"
        value={draft.description}
        onChange={(event) => set('description', event.target.value)}
        maxLength={500}
        isInvalid={isInvalid('description')}
      />

      {canChangeKind && (
        <fieldset className="choice-group">
          <legend>Kind</legend>
          <label>
            <input
              type="radio"
              name={`${id}-kind`}
              checked={draft.kind === 'boolean'}
              onChange={() => set('kind', 'boolean')}
            />
            Yes or no
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-kind`}
              checked={draft.kind === 'measurable'}
              onChange={() => set('kind', 'measurable')}
            />
            A number (measurable)
          </label>
        </fieldset>
      )}

      {draft.kind === 'measurable' && (
        <div className="field-grid">
          <div className="field">
            <label htmlFor={`${id}-target-type`}>Target</label>
            <select
              id={`${id}-target-type`}
              value={draft.targetType}
              onChange={(event) =>
                set('targetType', event.target.value as HabitDraft['targetType'])
              }
            >
              <option value="atLeast">At least</option>
              <option value="atMost">At most</option>
            </select>
          </div>
          <TextField
            label="Target value"
            inputMode="decimal"
            value={draft.targetValue}
            onChange={(event) => set('targetValue', event.target.value)}
            isInvalid={isInvalid('target.value') ?? isInvalid('target')}
          />
          <TextField
            label="Unit"
            placeholder="glasses, km, pages"
            value={draft.unit}
            onChange={(event) => set('unit', event.target.value)}
            maxLength={20}
            isInvalid={isInvalid('target.unit')}
          />
        </div>
      )}

      <div className="field">
        <label htmlFor={`${id}-schedule`}>Schedule</label>
        <select
          id={`${id}-schedule`}
          value={draft.scheduleType}
          onChange={(event) =>
            set('scheduleType', event.target.value as HabitDraft['scheduleType'])
          }
        >
          <option value="daily">Every day</option>
          <option value="weekdays">On chosen days of the week</option>
          <option value="weekly">
            {draft.kind === 'measurable' ? 'A weekly total' : 'Times per week'}
          </option>
          <option value="monthly">
            {draft.kind === 'measurable' ? 'A monthly total' : 'Times per month'}
          </option>
          <option value="interval">Every few days</option>
        </select>
      </div>

      {draft.scheduleType === 'weekdays' && (
        <fieldset className="choice-group choice-row" aria-invalid={isInvalid('schedule.days')}>
          <legend>Days</legend>
          {WEEKDAY_NAMES.map((name, day) => (
            <label key={name} className="chip-choice">
              <input
                type="checkbox"
                checked={draft.days.includes(day)}
                onChange={() => toggleDay(day)}
              />
              {name}
            </label>
          ))}
        </fieldset>
      )}
      {isPeriod && draft.kind === 'boolean' && (
        <TextField
          label={draft.scheduleType === 'weekly' ? 'Times per week' : 'Times per month'}
          inputMode="numeric"
          value={draft.times}
          onChange={(event) => set('times', event.target.value)}
          isInvalid={isInvalid('schedule.times')}
        />
      )}
      {draft.scheduleType === 'interval' && (
        <TextField
          label="Every how many days"
          inputMode="numeric"
          value={draft.interval}
          onChange={(event) => set('interval', event.target.value)}
          isInvalid={isInvalid('schedule.interval')}
        />
      )}

      <div className="field-grid">
        <TextField
          label="Icon"
          placeholder="💧"
          value={draft.icon}
          onChange={(event) => set('icon', event.target.value)}
          maxLength={16}
          isInvalid={isInvalid('icon')}
        />
        <div className="field">
          <label htmlFor={`${id}-color`}>Colour</label>
          <input
            id={`${id}-color`}
            type="color"
            className="color-input"
            value={draft.color}
            onChange={(event) => set('color', event.target.value)}
          />
        </div>
        <TextField
          label="Reminder"
          type="time"
          value={draft.reminderTime}
          onChange={(event) => set('reminderTime', event.target.value)}
          isInvalid={isInvalid('reminderTime')}
        />
      </div>
    </div>
  );
}
