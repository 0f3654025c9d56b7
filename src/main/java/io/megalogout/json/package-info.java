/** Strict JSON reading shared by the doors and the Mega-API client. */
package io.megalogout.json;
