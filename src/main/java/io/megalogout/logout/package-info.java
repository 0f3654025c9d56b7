/** The logout use case: a valid instance key in, Mega-API's answer out. Knows no Lambda or HTTP types. */
package io.megalogout.logout;
