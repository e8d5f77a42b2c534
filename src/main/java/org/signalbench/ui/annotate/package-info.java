/**
 * The Annotate view: a coder's keyboard-driven, blind coding session over the application layer's
 * annotation session.
 */
package org.signalbench.ui.annotate;
