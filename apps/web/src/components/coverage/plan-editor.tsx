import type { FloorPlanView } from '@gardenwatch/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../ui/error-message.tsx';
import { CameraPanel } from './camera-panel.tsx';
import { coverageKey } from './coverage-queries.ts';
import { PlanCanvas } from './plan-canvas.tsx';
import { draftOf, saveDraft } from './plan-draft.ts';
import { pointsAttr } from './plan-geometry.ts';
import { usePlanEditor, type Tool } from './use-plan-editor.ts';

const tools: Tool[] = ['select', 'wall', 'area', 'camera'];

/** Draw walls, areas and the outline, place and move cameras; snap, undo, redo, save. */
export function PlanEditor({ view, onDone }: { view: FloorPlanView; onDone: () => void }) {
  const { t } = useTranslation();
  const editor = usePlanEditor(draftOf(view));
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () => saveDraft(view.floorId, view, editor.plan),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: coverageKey });
      onDone();
    },
  });
  const selectedCamera = editor.plan.cameras.find((c) => c.key === editor.selected);

  return (
    <div className="plan-editor" data-testid="plan-editor">
      <div className="plan-toolbar" role="toolbar" aria-label={t('coverage.editor.tools')}>
        {tools.map((tool) => (
          <button
            key={tool}
            type="button"
            className={editor.tool === tool ? 'button button-small active' : 'button button-small'}
            aria-pressed={editor.tool === tool}
            onClick={() => editor.pickTool(tool)}
          >
            {t(`coverage.editor.tool.${tool}`)}
          </button>
        ))}
        {editor.tool === 'area' && (
          <>
            <select
              aria-label={t('coverage.editor.areaTarget')}
              value={editor.areaTarget}
              onChange={(e) => editor.setAreaTarget(e.target.value)}
            >
              <option value="outline">{t('coverage.editor.outline')}</option>
              {view.areas.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
            <button type="button" className="button button-small" onClick={editor.finishPolygon}>
              {t('coverage.editor.finish')}
            </button>
          </>
        )}
        <label className="inline-check">
          <input
            type="checkbox"
            checked={editor.grid !== null}
            onChange={(e) => editor.setGrid(e.target.checked ? 0.5 : null)}
          />
          {t('coverage.editor.snap')}
        </label>
        <button
          type="button"
          className="button button-small"
          disabled={editor.history.past.length === 0}
          onClick={() => editor.dispatch({ type: 'undo' })}
        >
          {t('coverage.editor.undo')}
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={editor.history.future.length === 0}
          onClick={() => editor.dispatch({ type: 'redo' })}
        >
          {t('coverage.editor.redo')}
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={!editor.selected}
          onClick={editor.removeSelected}
        >
          {t('coverage.editor.remove')}
        </button>
      </div>
      <p className="muted small">{t(`coverage.editor.hint.${editor.tool}`)}</p>
      <div className="plan-layout">
        <PlanCanvas
          plan={editor.plan}
          areas={view.areas}
          selected={editor.selected}
          svgRef={editor.svgRef}
          title={t('coverage.editor.canvas')}
          {...editor.handlers}
        >
          {editor.pending.length > 0 && (
            <polyline className="plan-pending" points={pointsAttr(editor.pending)} />
          )}
        </PlanCanvas>
        {selectedCamera && (
          <CameraPanel
            camera={selectedCamera}
            onChange={(patch) => editor.updateCamera(selectedCamera.key, patch)}
          />
        )}
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={save.isPending}
          onClick={() => save.mutate()}
        >
          {t('common.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
      <ErrorMessage error={save.error} />
    </div>
  );
}
