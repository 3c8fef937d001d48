import { useId, useRef, useState, type FormEvent, type Ref } from "react";
import { Dialog } from "../../components/Dialog";
import { DialogActions } from "../../components/DialogActions";
import { FormError } from "../../components/forms/FormError";
import { useSubmit } from "../../components/forms/useSubmit";
import { LockIcon } from "../../components/LockIcon";
import { TableHead } from "../../components/TableHead";
import { overridesSave, secretReveal } from "../../ipc/commands";
import type { AppError, Environment, OverrideEdit, SecretRow } from "../../ipc/types";
import { MASK } from "../secrets/SecretValueCell";
import { useTemporaryReveal } from "../secrets/useTemporaryReveal";
import { VisibilityPill } from "../secrets/VisibilityPill";
import { plural, valueState } from "./environmentState";

export const VALUE_PLACEHOLDER = "Leave empty to keep unchanged";

type OverrideSecretsDialogProps = {
  projectId: string;
  environment: Environment;
  secrets: SecretRow[];
  onClose: () => void;
  /** Called with the Secrets table as the back end answered it after the save. */
  onSaved: (rows: SecretRow[]) => void;
};

/**
 * Override Secrets for one environment: every secret with its default state and this
 * environment's state, an input for a new value (empty = unchanged) and "Use default" for an
 * existing override. `Save` sends every edit in one `overrides_save` call: all or nothing.
 * Values are never pre-filled; a Masked override can be revealed for a few seconds, a
 * Restricted one never.
 */
export function OverrideSecretsDialog({ projectId, environment, secrets, onClose, onSaved }: OverrideSecretsDialogProps) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [removals, setRemovals] = useState<Record<string, boolean>>({});
  const form = useSubmit({ fields: [] });
  const firstInputRef = useRef<HTMLInputElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const descriptionId = useId();

  const edits: OverrideEdit[] = secrets.flatMap((secret): OverrideEdit[] => {
    if (removals[secret.id]) return [{ secretId: secret.id, remove: true }];
    const value = values[secret.id] ?? "";
    return value === "" ? [] : [{ secretId: secret.id, value }];
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (edits.length === 0) return;
    void form.run(async () => onSaved(await overridesSave(projectId, environment.id, edits)));
  }

  function toggleRemoval(secretId: string) {
    setRemovals((current) => ({ ...current, [secretId]: !current[secretId] }));
    setValues(({ [secretId]: _dropped, ...rest }) => rest);
  }

  const showError = (appError: AppError) => form.reject({ form: appError.message });

  return (
    <Dialog
      title={`Override Secrets — ${environment.name}`}
      onClose={onClose}
      className="dialog-wide"
      initialFocusRef={secrets.length > 0 ? firstInputRef : cancelRef}
      describedById={descriptionId}
    >
      <form className="dialog-form" noValidate onSubmit={onSubmit}>
        <p id={descriptionId} className="muted">
          A value entered here is used in {environment.name} instead of the default. Leave a field empty to keep it
          as it is. Save applies every change at once.
        </p>
        <FormError message={form.errors.form} />
        {secrets.length === 0 ? (
          <p className="note">This project has no secrets yet. Create them on the Secrets page first.</p>
        ) : (
          <div className="override-scroll">
            <table className="data-table override-table" data-testid="override-table">
              <colgroup>
                <col className="col-override-name" />
                <col className="col-override-visibility" />
                <col className="col-override-default" />
                <col className="col-override-state" />
                <col />
                <col className="col-override-actions" />
              </colgroup>
              <TableHead columns={["Secret", "Visibility", "Default", `In ${environment.name}`, "New value"]} actions />
              <tbody>
                {secrets.map((secret, index) => (
                  <OverrideRow
                    key={secret.id}
                    projectId={projectId}
                    environment={environment}
                    secret={secret}
                    value={values[secret.id] ?? ""}
                    removing={removals[secret.id] === true}
                    inputRef={index === 0 ? firstInputRef : undefined}
                    onValueChange={(value) => setValues((current) => ({ ...current, [secret.id]: value }))}
                    onToggleRemoval={() => toggleRemoval(secret.id)}
                    onError={showError}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <DialogActions
          onCancel={onClose}
          cancelRef={cancelRef}
          confirmLabel="Save"
          confirmDisabled={form.busy || edits.length === 0}
        >
          <span className="dialog-actions-note muted" aria-live="polite">
            {edits.length > 0 ? `${plural(edits.length, "change")} to save` : "No changes yet"}
          </span>
        </DialogActions>
      </form>
    </Dialog>
  );
}

type OverrideRowProps = {
  projectId: string;
  environment: Environment;
  secret: SecretRow;
  value: string;
  removing: boolean;
  inputRef?: Ref<HTMLInputElement>;
  onValueChange: (value: string) => void;
  onToggleRemoval: () => void;
  onError: (error: AppError) => void;
};

function OverrideRow({
  projectId,
  environment,
  secret,
  value,
  removing,
  inputRef,
  onValueChange,
  onToggleRemoval,
  onError,
}: OverrideRowProps) {
  const inputId = useId();
  const state = valueState(secret, environment.id);
  const restricted = secret.visibility === "restricted";

  let stateCell;
  if (removing) {
    stateCell = (
      <span className={secret.hasDefault ? "state-badge" : "state-badge state-missing"}>
        {secret.hasDefault ? "Will use default" : "Will be missing"}
      </span>
    );
  } else if (state === "set") {
    stateCell = (
      <span className="override-state">
        <span className="state-badge state-set">Overridden</span>
        {restricted ? (
          <span className="override-value-locked" title="Restricted: write-only, never shown">
            <LockIcon className="pill-icon" />
            <span aria-hidden="true">{MASK}</span>
            <span className="visually-hidden">Restricted: write-only, never shown</span>
          </span>
        ) : (
          <OverrideValue
            key={`${secret.id}:${secret.updatedAt}`}
            projectId={projectId}
            environment={environment}
            secret={secret}
            onError={onError}
          />
        )}
      </span>
    );
  } else if (state === "default") {
    stateCell = <span className="state-badge">Uses default</span>;
  } else {
    stateCell = <span className="state-badge state-missing">Missing</span>;
  }

  return (
    <tr className="override-row" data-testid="override-row" data-name={secret.name}>
      <th scope="row" className="override-name mono" title={secret.name}>
        {secret.name}
      </th>
      <td>
        <VisibilityPill visibility={secret.visibility} />
      </td>
      <td>
        {secret.hasDefault ? (
          <span className="muted">Default: set</span>
        ) : (
          <span className="text-danger">Default: missing</span>
        )}
      </td>
      <td>{stateCell}</td>
      <td>
        <label htmlFor={inputId} className="visually-hidden">
          {`Value for ${secret.name}`}
        </label>
        <input
          ref={inputRef}
          id={inputId}
          type="password"
          className="input mono"
          value={value}
          disabled={removing}
          placeholder={removing ? "Override removed on Save" : VALUE_PLACEHOLDER}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          spellCheck={false}
          onChange={(event) => onValueChange(event.target.value)}
        />
      </td>
      <td className="override-actions">
        {state === "set" && (
          <button
            type="button"
            className="button button-quiet"
            aria-pressed={removing}
            title={removing ? "Keep the override" : `Remove the override: ${environment.name} uses the default`}
            onClick={onToggleRemoval}
          >
            {removing ? "Undo" : "Use default"}
          </button>
        )}
      </td>
    </tr>
  );
}

type OverrideValueProps = {
  projectId: string;
  environment: Environment;
  secret: SecretRow;
  onError: (error: AppError) => void;
};

/**
 * An existing Masked override, as dots; click or Enter reveals it for a few seconds (the value
 * resolved for this environment is the override itself). Mouse-out, focus leaving, Escape,
 * 5 s or the window losing focus drop it from the DOM.
 */
function OverrideValue({ projectId, environment, secret, onError }: OverrideValueProps) {
  const revealed = useTemporaryReveal(() => secretReveal(projectId, secret.id, environment.id), onError);
  const shown = revealed.value;
  return (
    <button
      type="button"
      className={shown !== null ? "override-value is-revealed" : "override-value"}
      aria-label={shown !== null ? undefined : `Reveal ${secret.name} in ${environment.name}`}
      title={shown !== null ? undefined : "Click or press Enter to reveal for 5 seconds"}
      onClick={revealed.reveal}
      onBlur={revealed.hide}
      onMouseLeave={revealed.hide}
      onKeyDown={(event) => {
        if (event.key === "Escape" && shown !== null) {
          event.stopPropagation();
          revealed.hide();
        }
      }}
    >
      {shown !== null ? (
        <span className="mono">{shown}</span>
      ) : (
        <span className="secret-value-mask" aria-hidden="true">
          {MASK}
        </span>
      )}
    </button>
  );
}
