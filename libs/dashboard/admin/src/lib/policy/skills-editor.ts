import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { CORE_SKILLS } from '@stint/contracts';
import { normaliseSkill, POLICY_LIMITS, skillNameError } from './policy-rules';

const CORE: readonly string[] = CORE_SKILLS;

/**
 * The skills the programme rates at check-ins, by the host and in the pulse: the core three stay, fixed;
 * an admin adds others (by name) and removes them again. Emits the whole new list; the page saves it.
 */
@Component({
  selector: 'lib-skills-editor',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './skills-editor.scss',
  templateUrl: './skills-editor.html',
})
export class SkillsEditor {
  readonly skills = input.required<readonly string[]>();
  /** What the API or the page's own check said about the list, if anything. */
  readonly error = input<string | null>(null);
  readonly disabled = input(false);
  readonly skillsChange = output<string[]>();

  protected readonly core = CORE;
  protected readonly max = POLICY_LIMITS.maxSkills;
  protected readonly maxLength = POLICY_LIMITS.maxSkillLength;
  protected readonly added = computed(() => this.skills().filter((s) => !CORE.includes(s)));
  protected readonly draft = signal('');
  protected readonly draftError = signal<string | null>(null);

  protected type(event: Event): void {
    this.draft.set((event.target as HTMLInputElement).value);
    this.draftError.set(null);
  }

  protected add(event?: Event): void {
    event?.preventDefault();
    const name = normaliseSkill(this.draft());
    const problem = skillNameError(name, this.skills());
    if (problem) {
      this.draftError.set(problem);
      return;
    }
    this.skillsChange.emit([...this.skills(), name]);
    this.draft.set('');
  }

  protected remove(skill: string): void {
    this.skillsChange.emit(this.skills().filter((s) => s !== skill));
  }
}
