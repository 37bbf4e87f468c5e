'use client';

import { useId, useState } from 'react';
import type { FormEvent } from 'react';

import { describeTarget, formatNumber, parseDecimal } from '@/features/habits/format';
import { formatShortDate } from '@/lib/dates';
import type { DayHabit } from './useDayChecklist';
import type { DayEntry } from './types';

type HabitCheckProps = {
  habit: DayHabit;
  onRecord: (entry: DayEntry) => void;
};

/**
 * A habit on a day: a large checkbox labelled with its name (yes/no) or a number field
 * (measurable), with what is due, and buttons to skip the day or add a note.
 */
export function HabitCheck({ habit, onRecord }: HabitCheckProps) {
  const [isEditingNote, setIsEditingNote] = useState(false);
  const { entry, isPending } = habit;
  const isDone = entry?.status === 'done';
  const isSkipped = entry?.status === 'skipped';
  const className = [
    'day-item',
    isDone && 'is-done',
    isSkipped && 'is-skipped',
    habit.due.isOverdue && 'is-overdue',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <li className={className} style={habit.color ? { borderLeftColor: habit.color } : undefined}>
      {habit.kind === 'measurable' ? (
        <MeasurableEntry habit={habit} onRecord={onRecord} />
      ) : (
        <YesNoEntry habit={habit} onRecord={onRecord} />
      )}
      <DueLine habit={habit} />
      <div className="day-item-actions">
        <button
          type="button"
          className="button button-ghost button-small"
          aria-label={`${isSkipped ? 'Unskip' : 'Skip'} ${habit.name}`}
          aria-disabled={isPending || undefined}
          onClick={() => !isPending && onRecord(isSkipped ? null : { status: 'skipped' })}
        >
          {isSkipped ? 'Unskip' : 'Skip'}
        </button>
        {entry && (
          <button
            type="button"
            className="button button-ghost button-small"
            aria-label={`${entry.note ? 'Edit' : 'Add'} note for ${habit.name}`}
            aria-expanded={isEditingNote}
            onClick={() => setIsEditingNote(!isEditingNote)}
          >
            {entry.note ? 'Edit note' : 'Add note'}
          </button>
        )}
      </div>
      {entry?.note && !isEditingNote && <p className="day-item-note">{entry.note}</p>}
      {entry && isEditingNote && (
        <NoteEditor
          habitName={habit.name}
          note={entry.note ?? ''}
          onSave={(note) => {
            onRecord({ ...entry, note });
            setIsEditingNote(false);
          }}
        />
      )}
    </li>
  );
}

function YesNoEntry({ habit, onRecord }: HabitCheckProps) {
  const inputId = `habit-check-${habit.id}`;
  const descriptionId = `${inputId}-description`;

  return (
    <div className="day-item-main">
      <input
        id={inputId}
        type="checkbox"
        className="check-input"
        checked={habit.entry?.status === 'done'}
        // Not `disabled`: that would drop keyboard focus in the middle of a toggle.
        aria-disabled={habit.isPending || undefined}
        aria-describedby={habit.description ? descriptionId : undefined}
        onChange={(event) => {
          if (!habit.isPending) {
            onRecord(event.target.checked ? { status: 'done', note: habit.entry?.note } : null);
          }
        }}
      />
      <label htmlFor={inputId} className="check-label">
        <span
          className="check-box"
          aria-hidden="true"
          style={habit.color ? { borderColor: habit.color } : undefined}
        />
        {habit.icon && (
          <span className="day-item-icon" aria-hidden="true">
            {habit.icon}
          </span>
        )}
        <span className="check-name">{habit.name}</span>
      </label>
      {habit.description && (
        <p id={descriptionId} className="check-description">
          {habit.description}
        </p>
      )}
    </div>
  );
}

function MeasurableEntry({ habit, onRecord }: HabitCheckProps) {
  const inputId = useId();
  const saved = habit.entry?.status === 'done' ? habit.entry.value : undefined;
  const [text, setText] = useState(saved === undefined ? '' : String(saved));
  const [isInvalid, setIsInvalid] = useState(false);
  const unit = habit.target?.unit;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (habit.isPending) {
      return;
    }
    if (text.trim() === '') {
      onRecord(null);
      return;
    }
    const value = parseDecimal(text);
    setIsInvalid(value === null || value < 0);
    if (value !== null && value >= 0) {
      onRecord({ status: 'done', value, note: habit.entry?.note });
    }
  }

  return (
    <form className="day-item-main measurable-entry" onSubmit={handleSubmit} noValidate>
      <label htmlFor={inputId} className="measurable-label">
        {habit.icon && (
          <span className="day-item-icon" aria-hidden="true">
            {habit.icon}
          </span>
        )}
        <span className="check-name">{habit.name}</span>
        {habit.target && <span className="muted"> · {describeTarget(habit.target)}</span>}
      </label>
      <div className="measurable-controls">
        <input
          id={inputId}
          inputMode="decimal"
          className="measurable-input"
          value={text}
          aria-invalid={isInvalid || undefined}
          aria-label={`${habit.name}${unit ? ` (${unit})` : ''}`}
          onChange={(event) => setText(event.target.value)}
        />
        {unit && <span className="muted">{unit}</span>}
        <button
          type="submit"
          className="button button-secondary button-small"
          aria-label={`Save ${habit.name}`}
          aria-disabled={habit.isPending || undefined}
        >
          {habit.isPending ? 'Saving…' : 'Save'}
        </button>
      </div>
      {saved !== undefined && saved !== null && (
        <p className="muted measurable-saved">
          Recorded: {formatNumber(saved)}
          {unit ? ` ${unit}` : ''}
        </p>
      )}
    </form>
  );
}

function DueLine({ habit }: { habit: DayHabit }) {
  const parts: string[] = [];
  if (habit.reminderTime) {
    parts.push(`Reminder ${habit.reminderTime}`);
  }
  if (habit.due.progress) {
    const { done, required, periodEnd } = habit.due.progress;
    const period = habit.schedule.type === 'weekly' ? 'this week' : 'this month';
    parts.push(
      `${formatNumber(done)} of ${formatNumber(required)} ${period} (until ${formatShortDate(periodEnd)})`,
    );
  }
  if (habit.due.dueSince && habit.due.isOverdue) {
    parts.push(`Due since ${formatShortDate(habit.due.dueSince)}`);
  }
  if (!habit.due.isOverdue && parts.length === 0) {
    return null;
  }

  return (
    <p className="day-item-due">
      {habit.due.isOverdue && <span className="badge badge-overdue">Overdue</span>}
      {parts.join(' · ')}
    </p>
  );
}

function NoteEditor({
  habitName,
  note,
  onSave,
}: {
  habitName: string;
  note: string;
  onSave: (note: string) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(note);

  return (
    <form
      className="note-editor"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(draft.trim());
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        Note for {habitName}
      </label>
      <textarea
        id={id}
        rows={2}
        maxLength={500}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
      />
      <button type="submit" className="button button-secondary button-small">
        Save note
      </button>
    </form>
  );
}
