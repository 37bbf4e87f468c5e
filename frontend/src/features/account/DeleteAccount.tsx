'use client';

import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';

import { ErrorAlert } from '@/components/ErrorAlert';
import { useAuth } from '@/features/auth/AuthProvider';
import { PasswordField } from '@/features/auth/PasswordField';
import { ApiError, toApiError } from '@/lib/errors';
import type { FieldError } from '@/lib/errors';

const FIELD_LABELS = { password: 'Password', confirm: 'Confirmation' };

/**
 * The danger zone: deleting the account asks for the password and an explicit "I understand",
 * then signs out here; the login page then says the account is gone.
 */
export function DeleteAccount() {
  const { deleteAccount } = useAuth();
  const [isOpen, setIsOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [isUnderstood, setIsUnderstood] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [isDeleting, setIsDeleting] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const confirmId = useId();

  // Opening the form moves focus into it, to the password, the first thing to fill in.
  useEffect(() => {
    if (isOpen) {
      formRef.current?.querySelector<HTMLInputElement>('input')?.focus();
    }
  }, [isOpen]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const invalid = validate(password, isUnderstood);
    setError(invalid);
    if (invalid || isDeleting) {
      return;
    }

    setIsDeleting(true);
    try {
      // On success the session ends and this page gives way to the login page.
      await deleteAccount(password);
    } catch (caught) {
      setError(describeFailure(toApiError(caught)));
      setIsDeleting(false);
    }
  }

  function handleCancel() {
    setIsOpen(false);
    setPassword('');
    setIsUnderstood(false);
    setError(null);
  }

  const invalidFields = new Set(error?.details.map((detail) => detail.field));

  return (
    <section className="card data-card danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete account</h2>
      <p>
        Deleting your account removes your habits and their history, your workouts, your own
        exercises and routines, your body weight log and your imports, and signs you out on every
        device. It cannot be undone: download an export first if you may want your data later.
      </p>
      {!isOpen && (
        <button type="button" className="button button-danger" onClick={() => setIsOpen(true)}>
          Delete my account…
        </button>
      )}
      {isOpen && (
        <form
          ref={formRef}
          className="form"
          onSubmit={(event) => void handleSubmit(event)}
          noValidate
        >
          <ErrorAlert error={error} fieldLabels={FIELD_LABELS} />
          <PasswordField
            name="password"
            autoComplete="current-password"
            hint="Your password confirms that it is you."
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            isInvalid={invalidFields.has('password')}
            required
          />
          <div className="check-field">
            <input
              id={confirmId}
              type="checkbox"
              checked={isUnderstood}
              onChange={(event) => setIsUnderstood(event.target.checked)}
              aria-invalid={invalidFields.has('confirm') || undefined}
            />
            <label htmlFor={confirmId}>
              I understand that my account and all of my data will be deleted for good.
            </label>
          </div>
          <div className="button-row">
            <button type="submit" className="button button-danger" disabled={isDeleting}>
              {isDeleting ? 'Deleting…' : 'Delete my account for good'}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={handleCancel}
              disabled={isDeleting}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function validate(password: string, isUnderstood: boolean): ApiError | null {
  const details: FieldError[] = [];
  if (!password) {
    details.push({ field: 'password', message: 'Enter your password.' });
  }
  if (!isUnderstood) {
    details.push({ field: 'confirm', message: 'Tick the box to confirm the deletion.' });
  }

  return details.length > 0 ? new ApiError({ code: 'VALIDATION_FAILED', details }) : null;
}

// A wrong password is the likely failure here: say so in this page's words, not the login's.
function describeFailure(error: ApiError): ApiError {
  const isWrongPassword =
    error.code === 'INVALID_CREDENTIALS' ||
    (error.code !== 'VALIDATION_FAILED' && error.details.some((d) => d.field === 'password'));
  if (!isWrongPassword) {
    return error;
  }

  return new ApiError({
    code: error.code,
    status: error.status,
    message: 'The password is not right. Your account has not been deleted.',
    details: [{ field: 'password', message: 'Check your password and try again.' }],
    requestId: error.requestId,
  });
}
