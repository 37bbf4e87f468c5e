'use client';

import { useEffect, useRef } from 'react';

type ConfirmInlineProps = {
  question: string;
  confirmLabel: string;
  /** The confirm button's text while the action runs. */
  pendingLabel?: string;
  isPending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** An in-place "are you sure?" with the safe choice focused first, for destructive actions. */
export function ConfirmInline(props: ConfirmInlineProps) {
  const {
    question,
    confirmLabel,
    pendingLabel = 'Deleting…',
    isPending,
    onConfirm,
    onCancel,
  } = props;
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    cancelRef.current?.focus();
  }, []);

  return (
    <div className="confirm" role="group" aria-label={`Confirm: ${confirmLabel}`}>
      <p>{question}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button-danger"
          onClick={onConfirm}
          disabled={isPending}
        >
          {isPending ? pendingLabel : confirmLabel}
        </button>
        <button
          ref={cancelRef}
          type="button"
          className="button button-secondary"
          onClick={onCancel}
          disabled={isPending}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}
