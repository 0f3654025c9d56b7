/** Strict JSON reading shared by the doors and the Mega-API client, and the writing of our answers. */
package io.megalogout.json;
