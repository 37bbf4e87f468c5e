import type { ReactNode } from 'react';

/** What a list shows when it has nothing yet, with a hint about what to do next. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-state-title">{title}</p>
      {children && <div className="empty-state-hint">{children}</div>}
    </div>
  );
}
