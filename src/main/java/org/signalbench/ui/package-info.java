/**
 * The JavaFX app: the only package that touches JavaFX. View models adapt the application layer's
 * services to properties and background tasks; they hold no JDBC.
 */
package org.signalbench.ui;
