import type { ApiError } from '@/lib/errors';

type ErrorAlertProps = {
  error: ApiError | null | undefined;
  /** What failed, in the user's terms, shown before the reason. */
  title?: string;
  /** Names to show for the API's field names, e.g. { password: 'Password' }. */
  fieldLabels?: Record<string, string> | ((field: string) => string);
  onRetry?: () => void;
};

/** Shows an API error in words, with the fields it names and an optional retry button. */
export function ErrorAlert({ error, title, fieldLabels = {}, onRetry }: ErrorAlertProps) {
  if (!error) {
    return null;
  }

  return (
    <div role="alert" className="alert alert-error">
      <p>
        {title && <strong>{title} </strong>}
        {error.message}
      </p>
      {error.details.length > 0 && (
        <ul>
          {error.details.map((detail) => (
            <li key={`${detail.field}:${detail.message}`}>
              <strong>{labelFor(detail.field, fieldLabels)}:</strong> {detail.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="button button-small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

function labelFor(field: string, labels: NonNullable<ErrorAlertProps['fieldLabels']>): string {
  return typeof labels === 'function' ? labels(field) : (labels[field] ?? field);
}
