/**
 * The main window: builds every view from the app's configuration and the one background executor.
 */
package org.signalbench.ui.main;
