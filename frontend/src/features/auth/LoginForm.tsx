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
import { readReturnPath } from './redirects';

const FIELD_LABELS = { email: 'Email', password: 'Password' };

/** The sign-in page: email and password, then back to where the user was going. */
export function LoginForm() {
  const { status, login, signOutReason } = useAuth();
  const router = useRouter();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  useEffect(() => {
    if (status === 'signedIn') {
      router.replace(readReturnPath());
    }
  }, [status, router]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const invalid = validateLogin(email, password);
    setError(invalid);
    if (invalid || isSubmitting) {
      return;
    }

    setIsSubmitting(true);
    try {
      await login({ email: email.trim(), password });
    } catch (caught) {
      setError(toApiError(caught));
      setIsSubmitting(false);
    }
  }

  const invalidFields = new Set(error?.details.map((detail) => detail.field));
  const hasCredentialsError = error?.code === 'INVALID_CREDENTIALS';

  return (
    <AuthCard title="Log in">
      {signOutReason === 'expired' && !error && (
        <p role="status" className="alert alert-info">
          Your session has ended. Please log in again.
        </p>
      )}
      {signOutReason === 'accountDeleted' && !error && (
        <p role="status" className="alert alert-success">
          Your account and everything in it have been deleted. Thank you for using Habit &amp; Gym.
        </p>
      )}
      <ErrorAlert error={error} fieldLabels={FIELD_LABELS} />
      <form className="form" onSubmit={handleSubmit} noValidate>
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          inputMode="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          isInvalid={invalidFields.has('email') || hasCredentialsError}
          required
        />
        <PasswordField
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          isInvalid={invalidFields.has('password') || hasCredentialsError}
          required
        />
        <button
          type="submit"
          className="button button-primary button-block"
          disabled={isSubmitting}
        >
          {isSubmitting ? 'Logging in…' : 'Log in'}
        </button>
      </form>
      <p className="auth-switch">
        New here? <Link href="/register">Create an account</Link>
      </p>
    </AuthCard>
  );
}

function validateLogin(email: string, password: string): ApiError | null {
  const details: FieldError[] = [];
  if (!email.trim()) {
    details.push({ field: 'email', message: 'Enter your email address.' });
  }
  if (!password) {
    details.push({ field: 'password', message: 'Enter your password.' });
  }

  return details.length > 0 ? new ApiError({ code: 'VALIDATION_FAILED', details }) : null;
}
