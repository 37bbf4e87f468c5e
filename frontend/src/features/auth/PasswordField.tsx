'use client';

import { useId, useState } from 'react';
import type { InputHTMLAttributes } from 'react';

import { TextField } from '@/components/TextField';

type PasswordFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & {
  hint?: string;
  isInvalid?: boolean;
};

/** "Password" input with a Show/Hide toggle: long passphrases are easier to type when visible. */
export function PasswordField(props: PasswordFieldProps) {
  const [isVisible, setIsVisible] = useState(false);
  const inputId = useId();

  return (
    <TextField
      {...props}
      id={inputId}
      label="Password"
      type={isVisible ? 'text' : 'password'}
      addon={
        <button
          type="button"
          className="button button-ghost field-addon"
          aria-controls={inputId}
          onClick={() => setIsVisible((visible) => !visible)}
        >
          {isVisible ? 'Hide' : 'Show'}
        </button>
      }
    />
  );
}
