// A two-column table of names and values (JWT header, claims, facts about an install).
import type { ReactNode } from 'react';

export function KeyValueTable({ caption, rows }: { caption: string; rows: Array<[string, ReactNode]> }) {
  return (
    <table className="kv-table">
      <caption>{caption}</caption>
      <tbody>
        {rows.map(([key, value]) => (
          <tr key={key}>
            <th scope="row">{key}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
