import type { ReactNode } from 'react';

/** The centred card that frames the login and register forms. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="auth-page">
      <div className="auth-card">
        <p className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Habit &amp; Gym
        </p>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
