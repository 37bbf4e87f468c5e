import { HomeRedirect } from '@/features/auth/HomeRedirect';

export default function HomePage() {
  return <HomeRedirect />;
}
