// A count with thousands separators ("117,697"), as toLocaleString('en-US') writes a non-negative integer; without
// loading ICU's locale data, which cost the first validation of a large policy several milliseconds.
export function withThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}
