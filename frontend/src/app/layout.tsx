import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';

import { Providers } from '@/components/Providers';
import './globals.css';

export const metadata: Metadata = {
  title: { template: '%s · Habit & Gym', default: 'Habit & Gym' },
  description: 'Track your habits and log your workouts.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  viewportFit: 'cover',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f6f7fb' },
    { media: '(prefers-color-scheme: dark)', color: '#0f1217' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request: the Content-Security-Policy nonce (src/proxy.ts) is new every time,
  // and Next.js can only put it on its scripts when the page is rendered for that request.
  await connection();

  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
