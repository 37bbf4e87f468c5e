import { NextResponse, type NextRequest } from 'next/server';

/**
 * A strict Content-Security-Policy for every page: scripts run only with this response's nonce
 * (Next.js puts it on its own scripts, read back from the request header set here), and what
 * they load inherits the trust ('strict-dynamic'); no inline script, no eval in production, no
 * inline style attribute in the HTML, no plugin, no framing, nothing from another origin. The
 * API's answers carry their own policy (backend/src/app.ts).
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce, {
    isDevelopment: process.env.NODE_ENV === 'development',
    isHttps: request.headers.get('x-forwarded-proto') === 'https',
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);

  return response;
}

export function contentSecurityPolicy(
  nonce: string,
  { isDevelopment, isHttps }: { isDevelopment: boolean; isHttps: boolean },
): string {
  // The API is same-origin behind NGINX; NEXT_PUBLIC_API_URL may point elsewhere in development.
  const apiOrigin = originOf(process.env.NEXT_PUBLIC_API_URL);
  const directives = [
    "default-src 'self'",
    // React's development build reconstructs stacks with eval; the production build does not.
    `script-src 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${apiOrigin ? ` ${apiOrigin}` : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self'",
    // Only over TLS: on plain-http localhost it would send the browser to https and break.
    ...(isHttps ? ['upgrade-insecure-requests'] : []),
  ];

  return directives.join('; ');
}

function originOf(url: string | undefined): string | null {
  if (!url || !/^https?:\/\//.test(url)) {
    return null;
  }

  return new URL(url).origin;
}

export const config = {
  matcher: [
    {
      // Pages only: not the API (NGINX sends /api elsewhere anyway), not built assets.
      source: '/((?!api|_next/static|_next/image|favicon.ico|icon.svg).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
