/**
 * Polls `probe` until it answers something other than null, every 250 ms, and fails after `timeoutMs`
 * naming `what`: for outcomes that arrive through queues and processes, never a fixed sleep.
 */
export async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
