import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'app-not-found-page',
  imports: [RouterLink, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>Page not found</h1>
    <p>There is nothing at this address.</p>
    <a mat-flat-button routerLink="/">Go home</a>`,
})
export class NotFoundPage {}
