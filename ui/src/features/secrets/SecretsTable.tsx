import { useLayoutEffect, useRef, useState } from "react";
import { TableHead } from "../../components/TableHead";
import type { AppError, SecretRow } from "../../ipc/types";
import type { RowAction } from "./RowMenu";
import { SecretTableRow } from "./SecretTableRow";

/** Past this many rows only the visible ones (plus a margin) are rendered. */
export const VIRTUALIZE_FROM = 300;
export const ROW_HEIGHT = 40;
const OVERSCAN = 10;
const FALLBACK_VIEWPORT = 800;

type SecretsTableProps = {
  projectId: string;
  secrets: SecretRow[];
  environmentId: string;
  environmentNames: ReadonlyMap<string, string>;
  now: number;
  onAction: (secret: SecretRow, action: RowAction) => void;
  onError: (error: AppError) => void;
};

/** The secrets table with a sticky header; long lists render only the rows in view. */
export function SecretsTable({ secrets, ...rowProps }: SecretsTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(FALLBACK_VIEWPORT);
  const virtual = secrets.length >= VIRTUALIZE_FROM;

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!virtual || !element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => setViewportHeight(element.clientHeight || FALLBACK_VIEWPORT));
    observer.observe(element);
    return () => observer.disconnect();
  }, [virtual]);

  let first = 0;
  let last = secrets.length;
  if (virtual) {
    first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
    last = Math.min(secrets.length, Math.ceil((scrollTop + viewportHeight) / ROW_HEIGHT) + OVERSCAN);
  }
  const topSpace = first * ROW_HEIGHT;
  const bottomSpace = (secrets.length - last) * ROW_HEIGHT;

  return (
    <div
      ref={scrollRef}
      className="secrets-scroll"
      onScroll={virtual ? (event) => setScrollTop(event.currentTarget.scrollTop) : undefined}
    >
      <table className="data-table secrets-table" data-testid="secrets-table" aria-rowcount={secrets.length + 1}>
        <colgroup>
          <col className="col-name" />
          <col className="col-value" />
          <col className="col-visibility" />
          <col className="col-updated" />
          <col className="col-overrides" />
          <col className="col-actions" />
        </colgroup>
        <TableHead columns={["Name", "Value", "Visibility", "Updated", "Overrides"]} actions />
        <tbody>
          {topSpace > 0 && <SpacerRow height={topSpace} />}
          {secrets.slice(first, last).map((secret) => (
            <SecretTableRow key={secret.id} secret={secret} {...rowProps} />
          ))}
          {bottomSpace > 0 && <SpacerRow height={bottomSpace} />}
        </tbody>
      </table>
    </div>
  );
}

function SpacerRow({ height }: { height: number }) {
  return (
    <tr aria-hidden="true" className="spacer-row">
      <td colSpan={6} style={{ height }} />
    </tr>
  );
}
