import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="auth-page">
      <div className="auth-card">
        <h1>Page not found</h1>
        <p>There is nothing at this address.</p>
        <p>
          <Link href="/today">Go to Today</Link>
        </p>
      </div>
    </main>
  );
}
