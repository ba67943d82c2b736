/**
 * The inspection's glue in process {@code LicenceApplication} (whose names are {@link
 * io.github.xuke.application.process.LicenceApplicationProcess}): one class per element of the
 * diagram, each reading variables, calling one method of the inspection module and writing its
 * results. Only the engine calls them, so the package is no part of the module's face.
 */
package io.github.xuke.inspection.process;
