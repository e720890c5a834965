import type { ReactNode } from 'react';
import { DataList, DataListItem, DataListKey, DataListValue } from '@utrecht/component-library-react';

/** Label–value pairs as an Utrecht data list (a <dl>) in rows; pairs with value `false` are left out. */
export function Facts({ items }: { items: readonly (readonly [string, ReactNode] | false)[] }) {
  return (
    <DataList appearance="rows" className="samen-datalist">
      {items.filter((item) => item !== false).map(([label, value]) => (
        <DataListItem key={label}>
          <DataListKey>{label}</DataListKey>
          <DataListValue>{value}</DataListValue>
        </DataListItem>
      ))}
    </DataList>
  );
}
