import { useId } from 'react';
import type { InputHTMLAttributes, ReactNode } from 'react';

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  hint?: string;
  isInvalid?: boolean;
  /** Rendered beside the input, e.g. a show-password button. */
  addon?: ReactNode;
};

/** A labelled input with an optional hint, linked for screen readers. */
export function TextField({
  label,
  hint,
  isInvalid,
  addon,
  id,
  className,
  ...inputProps
}: TextFieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = `${inputId}-hint`;

  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={inputId}>{label}</label>
      <div className="field-control">
        <input
          id={inputId}
          aria-describedby={hint ? hintId : undefined}
          aria-invalid={isInvalid || undefined}
          {...inputProps}
        />
        {addon}
      </div>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
