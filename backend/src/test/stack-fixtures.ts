import { registerThroughStack, stack } from './stack';

/** A fresh user with one habit, created through NGINX, for the load of a stack test. */
export async function userWithHabit(): Promise<{ token: string; habitId: string }> {
  const { token } = await registerThroughStack();
  const res = await fetch(`${stack.baseUrl()}/api/habits`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Stretch' }),
  });
  if (res.status !== 201) {
    throw new Error(`creating a habit answered ${res.status}`);
  }
  const habit = (await res.json()) as { id: string };

  return { token, habitId: habit.id };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
