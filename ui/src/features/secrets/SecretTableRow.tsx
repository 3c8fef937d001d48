import { memo } from "react";
import type { AppError, SecretRow } from "../../ipc/types";
import { exactTime, relativeTime } from "./relativeTime";
import { RowMenu, type RowAction } from "./RowMenu";
import { SecretValueCell } from "./SecretValueCell";
import { VisibilityPill } from "./VisibilityPill";

type SecretTableRowProps = {
  projectId: string;
  secret: SecretRow;
  environmentId: string;
  environmentNames: ReadonlyMap<string, string>;
  now: number;
  onAction: (secret: SecretRow, action: RowAction) => void;
  onError: (error: AppError) => void;
};

/** One secret: name, masked value, visibility, when it changed, overrides, and its menu. */
export const SecretTableRow = memo(function SecretTableRow({
  projectId,
  secret,
  environmentId,
  environmentNames,
  now,
  onAction,
  onError,
}: SecretTableRowProps) {
  const nameOf = (id: string) => environmentNames.get(id) ?? id;
  const overrides = secret.overriddenIn.map(nameOf);
  const missing = secret.missingIn.map(nameOf);

  return (
    <tr className="secret-row" data-testid="secret-row" data-name={secret.name}>
      <td className="secret-name-cell">
        <div className="secret-name-line">
          <span className="secret-name mono" title={secret.name}>
            {secret.name}
          </span>
          {missing.length > 0 && (
            <span className="missing-marker" title={`No value in ${missing.join(", ")}`}>
              Missing in {missing.join(", ")}
            </span>
          )}
        </div>
      </td>
      <SecretValueCell
        key={`${environmentId}:${secret.updatedAt}`}
        projectId={projectId}
        secret={secret}
        environmentId={environmentId}
        onError={onError}
      />
      <td>
        <VisibilityPill visibility={secret.visibility} />
      </td>
      <td className="muted">
        <time dateTime={new Date(secret.updatedAt).toISOString()} title={exactTime(secret.updatedAt)}>
          {relativeTime(secret.updatedAt, now)}
        </time>
      </td>
      <td className="secret-overrides-cell">
        {overrides.length > 0 ? (
          <span title={overrides.join(", ")}>{overrides.join(", ")}</span>
        ) : (
          <span className="muted" aria-label="No overrides">
            —
          </span>
        )}
      </td>
      <td className="secret-actions-cell">
        <RowMenu
          secretName={secret.name}
          restricted={secret.visibility === "restricted"}
          onAction={(action) => onAction(secret, action)}
        />
      </td>
    </tr>
  );
});
