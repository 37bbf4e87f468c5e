'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';

import { ErrorAlert } from '@/components/ErrorAlert';
import { TextField } from '@/components/TextField';
import { ApiError, toApiError } from '@/lib/errors';
import type { FieldError } from '@/lib/errors';
import { AuthCard } from './AuthCard';
import { useAuth } from './AuthProvider';
import { PasswordField } from './PasswordField';

// The API's limits, checked here too so the user hears about them before a round trip.
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 128;

const PASSWORD_HINT = `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters. A few unrelated words are easy to remember.`;

const FIELD_LABELS = { name: 'Name', email: 'Email', password: 'Password', timezone: 'Time zone' };

type RegisterValues = { name: string; email: string; password: string };

/** The sign-up page. Sends the browser's time zone so "today" matches the user's clock. */
export function RegisterForm() {
  const { status, register } = useAuth();
  const router = useRouter();
  const [values, setValues] = useState<RegisterValues>({ name: '', email: '', password: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  useEffect(() => {
    if (status === 'signedIn') {
      router.replace('/today');
    }
  }, [status, router]);

  function handleChange(field: keyof RegisterValues, value: string) {
    setValues((previous) => ({ ...previous, [field]: value }));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const invalid = validateRegister(values);
    setError(invalid);
    if (invalid || isSubmitting) {
      return;
    }

    setIsSubmitting(true);
    try {
      await register({
        email: values.email.trim(),
        password: values.password,
        name: values.name.trim() || undefined,
        timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      });
    } catch (caught) {
      setError(describeRegisterError(toApiError(caught)));
      setIsSubmitting(false);
    }
  }

  const invalidFields = new Set(error?.details.map((detail) => detail.field));

  return (
    <AuthCard title="Create your account">
      <ErrorAlert error={error} fieldLabels={FIELD_LABELS} />
      <form className="form" onSubmit={handleSubmit} noValidate>
        <TextField
          label="Name"
          hint="Optional. Shown only to you."
          name="name"
          autoComplete="name"
          value={values.name}
          onChange={(event) => handleChange('name', event.target.value)}
          isInvalid={invalidFields.has('name')}
          maxLength={100}
        />
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          inputMode="email"
          value={values.email}
          onChange={(event) => handleChange('email', event.target.value)}
          isInvalid={invalidFields.has('email')}
          required
        />
        <PasswordField
          name="password"
          autoComplete="new-password"
          hint={PASSWORD_HINT}
          value={values.password}
          onChange={(event) => handleChange('password', event.target.value)}
          isInvalid={invalidFields.has('password')}
          required
        />
        <button
          type="submit"
          className="button button-primary button-block"
          disabled={isSubmitting}
        >
          {isSubmitting ? 'Creating account…' : 'Create account'}
        </button>
      </form>
      <p className="auth-switch">
        Already have an account? <Link href="/login">Log in</Link>
      </p>
    </AuthCard>
  );
}

// Registration never says whether an email has an account; the sign-in after it fails when the
// email has one with another password. Say so in a way that helps the owner and tells no one else.
function describeRegisterError(error: ApiError): ApiError {
  if (error.code !== 'INVALID_CREDENTIALS') {
    return error;
  }

  return new ApiError({
    code: error.code,
    status: error.status,
    message:
      'We could not sign you in with this email and password. If you already have an account, log in with its password instead.',
  });
}

// Counted as the API counts: code points of the NFKC form, so an emoji is one character.
function passwordLength(password: string): number {
  return [...password.normalize('NFKC')].length;
}

function validateRegister(values: RegisterValues): ApiError | null {
  const details: FieldError[] = [];
  const length = passwordLength(values.password);
  if (!values.email.trim()) {
    details.push({ field: 'email', message: 'Enter your email address.' });
  } else if (!/^[^\s@]+@[^\s@]+$/.test(values.email.trim())) {
    details.push({ field: 'email', message: 'Enter an email address like name@example.com.' });
  }
  if (length < PASSWORD_MIN_LENGTH) {
    details.push({
      field: 'password',
      message: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
    });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    details.push({
      field: 'password',
      message: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
    });
  }

  return details.length > 0 ? new ApiError({ code: 'VALIDATION_FAILED', details }) : null;
}
